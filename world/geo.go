package world

import "math"

// EarthRadiusKm is the mean Earth radius used for great-circle distances:
// the IUGG mean radius R1 = (2a + b)/3 of the GRS 80 ellipsoid (Moritz
// 2000, "Geodetic Reference System 1980", Journal of Geodesy 74: 128–133).
const EarthRadiusKm = 6371.0088

// KmPerMile converts statute miles to kilometres.
const KmPerMile = 1.609344

// GreatCircleKm returns the great-circle distance in kilometres between two
// points given in decimal degrees, by the haversine formula (Sinnott 1984,
// "Virtues of the Haversine", Sky and Telescope 68(2): 159):
//
//	h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)
//	d = 2 R asin(min(1, √h))
//
// with latitudes φ, longitudes λ in radians and R = EarthRadiusKm. The Earth
// is taken as a sphere, so d can differ from the ellipsoidal distance by up
// to about 0.5%. Missing coordinates give a missing distance.
func GreatCircleKm(lat1, lon1, lat2, lon2 Value) Value {
	return Value(toRadians(lat1, lon1).distanceKm(toRadians(lat2, lon2)))
}

// radians is a point with its latitude in radians and the cosine of it, so
// that distances from one point to many compute them once. The longitude
// stays in degrees: the difference is taken before converting, as
// GreatCircleKm always has, so that distances stay the same to the bit.
type radians struct{ lat, lonDeg, cosLat float64 }

const degree = math.Pi / 180

// toRadians converts a point in decimal degrees; a missing coordinate
// gives NaN everywhere.
func toRadians(lat, lon Value) radians {
	if lat.IsMissing() || lon.IsMissing() {
		return radians{math.NaN(), math.NaN(), math.NaN()}
	}
	φ := float64(lat) * degree
	return radians{φ, float64(lon), math.Cos(φ)}
}

// distanceKm is the haversine distance of GreatCircleKm, NaN when either
// point is missing.
func (p radians) distanceKm(q radians) float64 {
	dφ := q.lat - p.lat
	dλ := (q.lonDeg - p.lonDeg) * degree
	if math.IsNaN(dφ) || math.IsNaN(dλ) {
		return math.NaN()
	}
	sφ, sλ := math.Sin(dφ/2), math.Sin(dλ/2)
	h := sφ*sφ + p.cosLat*q.cosLat*sλ*sλ
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}
