/** Failures a test scripts into the simulated site: rate limits, server errors, slowness, resets, refusals. */
package dev.ferry.simulator.fault;
