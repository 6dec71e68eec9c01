/** Who a request acts for (the signed-in person and their role, or an API key and its scopes) and the scope a handler requires. Near the bottom of the package graph: it depends on refusal only. */
package dev.ferry.principal;
