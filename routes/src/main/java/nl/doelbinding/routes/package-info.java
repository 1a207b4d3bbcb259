/** Apache Camel routes: intake channels normalise to {@code direct:decide}; one dispatch route per outcome. */
package nl.doelbinding.routes;
