/** Callbacks to the product: an organization's endpoints, signed (Standard Webhooks) messages about its tickets, and their outbox. */
package dev.ferry.callback;
