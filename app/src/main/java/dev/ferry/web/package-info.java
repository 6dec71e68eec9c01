/** Cross-cutting web concerns: one problem+json error shape for every answerer, request limits, API CORS. */
package dev.ferry.web;
