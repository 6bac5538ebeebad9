// The implementation is shared with the build (release/routeShells.mjs), hence plain JavaScript.
export { withRoutePreloads, type RoutePreload } from '../../../release/withRoutePreloads.mjs';
