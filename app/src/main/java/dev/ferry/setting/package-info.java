/**
 * Constraints for the properties records' values that Jakarta Validation has no word for (durations, sizes,
 * URLs), so a bad setting stops Ferry at start-up with Spring Boot's report naming it, not later in a worker.
 */
package dev.ferry.setting;
