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

type S struct{ a [2]int }

func element() *int {
	var s S
	return & /* ERROR "address of local s escaping" */ s.a[1]
}

func throughPointer(p *S) *int {
	return &p.a[0]
}
