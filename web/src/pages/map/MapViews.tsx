import { NavLink } from 'react-router';

/** The map's two views: the US map and the French constituencies' table. */
export function MapViews() {
  return (
    <nav aria-label="Map views" className="view-switch">
      <NavLink to="/map" end>
        United States map
      </NavLink>
      <NavLink to="/map/france">France 2024 constituencies</NavLink>
    </nav>
  );
}
