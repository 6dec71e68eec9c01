/** Refusals the domain throws (invalid, not found, conflict …) without knowing HTTP; the web layer maps them. The bottom of the package graph. */
package dev.ferry.refusal;
