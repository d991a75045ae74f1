package p

type T struct{ x int }

var keep *int

func lit() *T {
	return & /* ERROR "&T\{...\} \(heap allocation\): outside" */ T{1}
}

func local() *int {
	x := 1
	return & /* ERROR "address of local x escaping its frame" */ x
}

func global() {
	y := 2
	keep = & /* ERROR "address of local y escaping" */ y
}
