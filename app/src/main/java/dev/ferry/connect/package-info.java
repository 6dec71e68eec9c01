/** Connect JWT: the canonical request and its qsh, verification of inbound tokens, signing of outbound calls. */
package dev.ferry.connect;
