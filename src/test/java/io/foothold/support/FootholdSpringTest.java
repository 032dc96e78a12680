package io.foothold.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.foothold.playbook.DesignerSandboxFolder;
import io.foothold.playbook.ExamplePluginsFolder;
import io.foothold.playbooks.checkinnote.CheckInNoteExample;

/**
 * The whole app on a random port with the demo directory, a private in-memory database, the example
 * plugins folder and a designers' sandbox folder with live reload on (holding the README's worked example playbook too). Every Spring Boot test uses it, so they all share one application context (see
 * {@link ExamplePluginsFolder} for why that matters); each test opens its own cases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = {ExamplePluginsFolder.class, DesignerSandboxFolder.class, CheckInNoteExample.class})
public @interface FootholdSpringTest {
}
