/** Takes product events in through the API: stores each once and queues a delivery per destination that wants it. */
package dev.ferry.intake;
