package dev.ferry.descriptor;

import dev.ferry.FerryProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Serves the Connect descriptor that Jira reads when a site installs Ferry by URL. */
@RestController
class DescriptorController {

    private final JsonNode descriptor;

    DescriptorController(FerryProperties ferry) {
        this.descriptor = DescriptorTemplate.load().render(ferry.baseUrlText(), ferry.appKey());
    }

    @GetMapping(path = {"/atlassian-connect.json", "/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> descriptor() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(descriptor);
    }
}
