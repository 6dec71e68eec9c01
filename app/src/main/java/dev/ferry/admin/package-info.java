/** Organizations, their API keys, and the product API's gate: key authentication, scope checks, request limits, the OpenAPI document. */
package dev.ferry.admin;
