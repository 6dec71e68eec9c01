/** Cross-cutting web concerns: one problem+json error shape for every answerer (domain refusals mapped to statuses), request limits, API CORS. */
package dev.ferry.web;
