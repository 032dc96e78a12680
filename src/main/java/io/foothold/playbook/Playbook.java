package io.foothold.playbook;

import java.util.Map;

/** A discovered playbook: its descriptor, where its files are, its catalog and its Java contributions. */
record Playbook(PlaybookDescriptor descriptor, PlaybookSource source, PlaybookCatalog catalog, Map<String, Object> contributions) {

  Playbook {
    contributions = Map.copyOf(contributions);
  }

  String id() {
    return descriptor.id();
  }
}
