/** Organizations, their API keys and how product API calls are authenticated. */
package dev.ferry.admin;
