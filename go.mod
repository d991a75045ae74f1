module v6vm

go 1.26
