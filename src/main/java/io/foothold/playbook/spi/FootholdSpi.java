package io.foothold.playbook.spi;

/** The SPI's major version; a descriptor's {@code requires.foothold} must name it. */
public final class FootholdSpi {

  public static final String VERSION = "1";

  private FootholdSpi() {
  }
}
