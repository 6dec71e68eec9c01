package dev.ferry.panel;

/** One linked object as a panel shows it. */
record LinkView(long linkId, String title, String url, String objectType, String state, String origin,
        String linkedAt, boolean issueDeleted) {
}
