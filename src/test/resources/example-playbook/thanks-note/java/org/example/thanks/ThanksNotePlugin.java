package org.example.thanks;

import java.util.Map;

import io.foothold.playbook.spi.PlaybookPlugin;

/** The example plugin's Java side: one delegate, called ${thanksNoteFiler} by its model. */
public class ThanksNotePlugin implements PlaybookPlugin {

  @Override
  public Map<String, Object> contributions() {
    return Map.of("thanksNoteFiler", new ThanksNoteFiler());
  }
}
