package main

import _ "github.com/sip-core/sip/alerts" // area alerts: CAP 1.2, /alerts.atom, subscriptions
