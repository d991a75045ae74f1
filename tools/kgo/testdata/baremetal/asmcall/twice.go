package main

func twice(x int) int { return triple(x) - x }
