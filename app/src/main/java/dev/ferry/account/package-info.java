/** People who sign in to the admin UI: accounts, roles, passwords, the first admin, sign-in throttling, sessions. */
package dev.ferry.account;
