package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"

	"github.com/sip-core/sip/config"
)

// Principal is the holder of a valid API key.
type Principal struct {
	Name     string
	Roles    []string
	Datasets []string // empty: every dataset
}

// Has reports whether the principal holds role (admin holds every role).
func (p *Principal) Has(role string) bool {
	return p != nil && (slices.Contains(p.Roles, role) || slices.Contains(p.Roles, config.RoleAdmin))
}

// CanAccess reports whether the key may be used on a dataset.
func (p *Principal) CanAccess(dataset string) bool {
	return p != nil && (len(p.Datasets) == 0 || slices.Contains(p.Datasets, dataset))
}

type apiKey struct {
	sum [sha256.Size]byte
	p   *Principal
}

func parseKeys(keys []config.Key) []apiKey {
	out := make([]apiKey, 0, len(keys))
	for _, k := range keys {
		raw, err := hex.DecodeString(strings.TrimPrefix(k.Hash, "sha256:"))
		if err != nil || len(raw) != sha256.Size {
			continue // config validation rejects these
		}
		var a apiKey
		copy(a.sum[:], raw)
		a.p = &Principal{Name: k.Name, Roles: k.Roles, Datasets: k.Datasets}
		out = append(out, a)
	}
	return out
}

// presentedKey extracts a key from "Authorization: Bearer KEY" or "X-API-Key".
// present is true when the request carries credentials at all.
func presentedKey(r *http.Request) (key string, present bool) {
	// Indexed by canonical name: Header.Get("X-API-Key") would allocate the
	// canonical form of the name on every request.
	if k := headerValue(r.Header, "X-Api-Key"); k != "" {
		return k, true
	}
	a := headerValue(r.Header, "Authorization")
	if a == "" {
		return "", false
	}
	scheme, tok, ok := strings.Cut(a, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", true
	}
	return strings.TrimSpace(tok), true
}

// authenticate checks the key against every configured hash in constant time
// (no early exit, so timing says nothing about which key nearly matched).
func authenticate(keys []apiKey, key string) *Principal {
	if key == "" {
		return nil
	}
	sum := sha256.Sum256([]byte(key))
	var found *Principal
	for i := range keys {
		if subtle.ConstantTimeCompare(sum[:], keys[i].sum[:]) == 1 {
			found = keys[i].p
		}
	}
	return found
}

const authChallenge = `Bearer realm="sip", charset="UTF-8"`

func unauthorized(detail string, invalid bool) *Error {
	ch := authChallenge
	if invalid {
		ch += `, error="invalid_token"`
	}
	return &Error{Status: http.StatusUnauthorized, Code: "Unauthorized", Detail: detail,
		Header: http.Header{"Www-Authenticate": {ch}}}
}

func forbidden(detail string) *Error {
	return &Error{Status: http.StatusForbidden, Code: "Forbidden", Detail: detail}
}

// PrincipalFrom returns the authenticated key holder of a request (nil when the
// request carries no key).
func PrincipalFrom(ctx context.Context) *Principal {
	if info := infoFrom(ctx); info != nil {
		return info.principal
	}
	return nil
}

// Authorize checks that the request's key holds role, and, when dataset is not
// empty, may be used on it. The returned *Error is a 401 (no key) or 403.
func Authorize(r *http.Request, role, dataset string) *Error {
	p := PrincipalFrom(r.Context())
	if p == nil {
		return unauthorized("this resource needs an API key with the role "+role+" (Authorization: Bearer KEY or X-API-Key: KEY)", false)
	}
	if !p.Has(role) {
		return forbidden("the key " + p.Name + " lacks the role " + role)
	}
	if dataset != "" && !p.CanAccess(dataset) {
		return forbidden("the key " + p.Name + " may not be used on dataset " + dataset)
	}
	return nil
}

// RequireRole is middleware for routes that need a role; with a {name} route
// variable, the key must also be allowed on that dataset.
func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if e := Authorize(r, role, Var(r, "name")); e != nil {
				WriteError(w, r, e)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// headerValue is Header.Get for a name already in canonical form.
func headerValue(h http.Header, canonical string) string {
	if v := h[canonical]; len(v) > 0 {
		return v[0]
	}
	return ""
}
