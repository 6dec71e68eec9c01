/**
 * One-shot commands run from Ferry's jar instead of the server ({@code java -jar ferry.jar <command> …}): copy an H2
 * database into PostgreSQL, re-encrypt sealed secrets now. No web server starts; the exit code says how it went.
 */
package dev.ferry.command;
