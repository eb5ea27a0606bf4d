System.Console.WriteLine("placeholder until the generator lands");
