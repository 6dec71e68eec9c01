package dev.ferry.panel;

import dev.ferry.forge.ForgeCall;
import dev.ferry.refusal.Refusal;
import java.util.Optional;

/**
 * Who a Forge UI call acts for: the user is the Forge Invocation Token's {@code principal} and the issue its
 * {@code context.extension.issue.id}, both signed by Forge; the request itself names neither.
 */
final class ForgeViewers {

    private ForgeViewers() {
    }

    /** The viewer of a UI call; refused without a user (403) or while Ferry does not know the site (409). */
    static PanelViewer of(ForgeCall call) {
        if (call.invocation().principal() == null || call.invocation().principal().isBlank()) {
            throw Refusal.forbidden("the Forge call names no Jira user");
        }
        if (call.siteKey() == null) {
            throw Refusal.conflict("Ferry does not know this Forge installation's site yet; try again in a moment");
        }
        return new PanelViewer(call.siteKey(), Optional.of(call.invocation().principal()),
                Optional.ofNullable(call.invocation().issueId()), "Jira's issue panel (Forge)");
    }
}
