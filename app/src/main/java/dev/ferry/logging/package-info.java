/** Which site, delivery, event or webhook a log line is about: ids in the logging MDC, never a secret. */
package dev.ferry.logging;
