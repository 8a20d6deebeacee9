import Hummingbird
import RapportCore
