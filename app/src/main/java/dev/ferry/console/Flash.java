package dev.ferry.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** A message that survives one redirect (post, redirect, get), kept in the session and shown once. */
final class Flash {

    private static final String ATTRIBUTE = Flash.class.getName();

    private Flash() {
    }

    static void put(HttpServletRequest request, String message) {
        request.getSession().setAttribute(ATTRIBUTE, message);
    }

    static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(ATTRIBUTE) == null) {
            return null;
        }
        String message = (String) session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return message;
    }
}
