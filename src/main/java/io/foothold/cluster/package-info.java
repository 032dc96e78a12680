/**
 * Running several Foothold nodes on one PostgreSQL (Camunda 7's homogeneous cluster, profile "prod"):
 * browser sessions shared through the database so any node serves any signed-in user, each node named in
 * job locks and job logs, and a refusal to start a production node on anything but a configured PostgreSQL.
 */
package io.foothold.cluster;
