package main

type Proc struct {
	Pid  int
	Name [4]byte
	Pri  int8
}

type Table struct {
	Hdr   int
	Procs [3]Proc
}

var table = Table{Hdr: 7, Procs: [3]Proc{{Pid: 1}, {Pid: 2, Pri: -3}, {Pid: 3}}}
var second = &table.Procs[1]
var pri = &table.Procs[1].Pri
var name2 = &table.Procs[2].Name[3]
var hdr = &table.Hdr

func main() {
	println(second.Pid, *pri, *hdr)
	*name2 = 'z'
	println(table.Procs[2].Name[3])
	second.Pid = 20
	println(table.Procs[1].Pid)
}
