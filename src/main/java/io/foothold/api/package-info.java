/**
 * What Foothold's own HTTP API (/api) answers when a request is wrong: a 4xx with a JSON body that says what and
 * where ({"message": …, "field": …}), never a 500 and never Spring's bare default error page.
 */
package io.foothold.api;
