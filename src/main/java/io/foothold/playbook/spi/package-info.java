/**
 * The only Foothold API a playbook's Java code may use (besides Camunda's own API).
 *
 * <p>A playbook is a descriptor ({@code seeds/<id>/playbook.yaml}), its models ({@code processes/<id>/}),
 * forms ({@code forms/<id>/}), content catalog ({@code seeds/<id>/catalog.yaml}) and, optionally, Java
 * contributions through {@link io.foothold.playbook.spi.PlaybookPlugin}. SPI version: {@value
 * io.foothold.playbook.spi.FootholdSpi#VERSION}.
 */
@org.springframework.modulith.NamedInterface("spi")
package io.foothold.playbook.spi;
