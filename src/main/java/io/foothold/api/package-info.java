/**
 * What a wrong request is answered, on every HTTP door: Foothold's own API (/api) a 4xx with a JSON body that says what
 * and where ({"message": …, "field": …}); /engine-rest and the webapps' engine API a 4xx for every caller mistake, with
 * a refused form's or value's broken rules one by one. Never a 500 and never Spring's bare default error page.
 */
package io.foothold.api;
