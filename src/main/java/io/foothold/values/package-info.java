/**
 * What any variable value may be and how it is stored, whoever writes it (forms, REST variables endpoints, listeners,
 * delegates, the Java API): input limits checked in the variable layer, objects stored as JSON, and the start-up
 * rewrite of values still stored Java-serialized.
 */
package io.foothold.values;
