/** The webhook inbox: deliveries stored before they are answered, processed afterwards by restart-safe workers. */
package dev.ferry.webhook;
