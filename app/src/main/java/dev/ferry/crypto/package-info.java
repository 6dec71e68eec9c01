/** Encryption of secrets at rest (shared secrets, API tokens) with rotatable keys. */
package dev.ferry.crypto;
