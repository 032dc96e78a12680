// A Tasklist plugin (loaded through customScripts in config.js): a link in Tasklist's header to Foothold's case
// overview, where a manager sees every case, also those waiting on a timer that the task filters cannot show.
// It is a file of this origin that Tasklist imports from its own nonce-carrying bundle, so the webapps' strict
// Content-Security-Policy lets it run.
export default {
  id: 'foothold.overview.link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: function (node) {
    var link = document.createElement('a');
    link.href = '/overview/';
    link.className = 'foothold-overview-link';
    link.textContent = 'My cases overview';
    node.appendChild(link);
  }
};
