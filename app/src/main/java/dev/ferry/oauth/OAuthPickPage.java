package dev.ferry.oauth;

import java.util.List;

/** The sites an approval reaches, to tick the ones to connect (one connection each). */
record OAuthPickPage(String grantId, List<OAuthSite> sites, String error) {
}
