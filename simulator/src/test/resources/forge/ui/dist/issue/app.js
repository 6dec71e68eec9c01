// Stands in for the esbuild bundle of @forge/bridge: what it calls on the host.
window.__bridge.callBridge('getContext').then(function (context) {
  document.getElementById('root').textContent = context.extension.issue.key;
});
