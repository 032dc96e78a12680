package io.foothold.forms;

import java.util.List;

/**
 * A Camunda Form reduced to what the server enforces: its id, the title a person sees (the first heading of
 * its text, or {@code null}) and its input fields, flattened.
 */
record FormSchema(String id, String title, List<FormField> fields) {

  FormSchema {
    fields = List.copyOf(fields);
  }

  FormSchema(String id, List<FormField> fields) {
    this(id, null, fields);
  }

  /** How messages name the form: its title, else its id. */
  String displayTitle() {
    return title != null ? title : id;
  }
}
