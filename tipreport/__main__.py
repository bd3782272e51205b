from tipreport.cli import main

main()
