package p

type T struct{ x int }

func g() int {
	a := [2]*T{ /* ERROR HERE "&T\{...\} \(heap allocation\)" */ {1}, nil}
	return a[0].x
}
