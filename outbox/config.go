package outbox

import (
	"log/slog"

	"github.com/sip-core/sip/config"
)

// NewWorker is a worker over ob with the senders and timings of the
// configuration's outbox section: webhooks always, e-mail when a relay is
// set. Every service delivering through the outbox (resident reports, area
// alerts) starts its worker here.
func NewWorker(ob Store, oc config.Outbox, log *slog.Logger) *Worker {
	senders := map[Channel]Sender{Webhook: &WebhookSender{}}
	if oc.SMTP.Addr != "" {
		senders[SMTP] = &SMTPSender{Addr: oc.SMTP.Addr, From: oc.SMTP.From, Hello: oc.SMTP.Hello,
			Username: oc.SMTP.Username, Password: oc.SMTP.Password(), TLS: oc.SMTP.TLS, Timeout: oc.SMTP.Timeout.D()}
	}
	return &Worker{Store: ob, Senders: senders, Lease: oc.Lease.D(), Log: log,
		Backoff: Backoff{Min: oc.RetryMin.D(), Max: oc.RetryMax.D()}}
}
