package main

import _ "github.com/sip-core/sip/datasync"
