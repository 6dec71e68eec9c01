/** Cross-cutting web concerns: one problem+json error shape, request size limits, iframe headers. */
package dev.ferry.web;
