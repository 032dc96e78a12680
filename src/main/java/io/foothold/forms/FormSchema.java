package io.foothold.forms;

import java.util.List;

/** A Camunda Form reduced to what the server enforces: its id and its input fields, flattened. */
record FormSchema(String id, List<FormField> fields) {

  FormSchema {
    fields = List.copyOf(fields);
  }
}
