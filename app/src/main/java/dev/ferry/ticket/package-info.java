/** Tickets filed by hand for a product object: the choices Jira offers, the create, exactly once. */
package dev.ferry.ticket;
