/** Who a request acts for: the signed-in person and their role, or an API key and its scopes. The bottom of the package graph. */
package dev.ferry.principal;
