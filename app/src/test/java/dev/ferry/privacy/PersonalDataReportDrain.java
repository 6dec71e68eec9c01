package dev.ferry.privacy;

import org.springframework.context.ApplicationContext;

/** Lets tests run the personal data report worker as a node would, on the calling thread. */
public final class PersonalDataReportDrain {

    private PersonalDataReportDrain() {
    }

    /** Reports every site due now that this call wins; answers how many sites it reported. */
    public static int drain(ApplicationContext context) {
        return context.getBean(PersonalDataReportWorker.class).drain();
    }
}
